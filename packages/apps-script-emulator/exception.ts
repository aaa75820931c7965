// Apps Script service errors print as "Exception: <message>"; the add-on's error
// handling (and its logs) see the same shape when it runs on the emulator.
export class ServiceException extends Error {
  override name = 'Exception';
}

export function fail(message: string): never {
  throw new ServiceException(message);
}
