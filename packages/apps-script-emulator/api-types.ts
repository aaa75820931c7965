import type { EmulatedBlob } from './blob';
import type { EmulatedCache } from './cache';
import type { EmulatedDataValidation, EmulatedDataValidationBuilder } from './data-validation';
import type { EmulatedHtmlOutput, EmulatedHtmlTemplate } from './html';
import type { EmulatedLock } from './lock';
import type { EmulatedProperties } from './properties';
import type { EmulatedProtection } from './protection';
import type { EmulatedRange } from './range';
import type { EmulatedSheet } from './sheet';
import type { EmulatedSpreadsheet } from './spreadsheet';
import type { EmulatedMenu, EmulatedPromptResponse, EmulatedUi } from './ui';
import type { EmulatedHttpResponse } from './url-fetch';
import type { EmulatedUser } from './session';

type Real = {
  Range: GoogleAppsScript.Spreadsheet.Range;
  Sheet: GoogleAppsScript.Spreadsheet.Sheet;
  Spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet;
  DataValidation: GoogleAppsScript.Spreadsheet.DataValidation;
  DataValidationBuilder: GoogleAppsScript.Spreadsheet.DataValidationBuilder;
  Protection: GoogleAppsScript.Spreadsheet.Protection;
  Ui: GoogleAppsScript.Base.Ui;
  Menu: GoogleAppsScript.Base.Menu;
  PromptResponse: GoogleAppsScript.Base.PromptResponse;
  User: GoogleAppsScript.Base.User;
  Blob: GoogleAppsScript.Base.Blob;
  HtmlOutput: GoogleAppsScript.HTML.HtmlOutput;
  HtmlTemplate: GoogleAppsScript.HTML.HtmlTemplate;
  HTTPResponse: GoogleAppsScript.URL_Fetch.HTTPResponse;
  Properties: GoogleAppsScript.Properties.Properties;
  Cache: GoogleAppsScript.Cache.Cache;
  Lock: GoogleAppsScript.Lock.Lock;
};

// Real enums are numeric in the declarations but, being ambient, number is assignable to them
// both ways; only this identity test tells `number` from an enum.
type Equals<X, Y> = (<T>() => T extends X ? 1 : 2) extends <T>() => T extends Y ? 1 : 2 ? true : false;

/**
 * The emulator's counterpart of a real API type: service objects become the emulator's
 * classes, enums become the string values the emulator uses for them.
 */
export type Emulated<R> = R extends string | boolean | null | undefined | void
  ? R
  : R extends number
    ? Equals<R, number> extends true
      ? number
      : string
    : R extends Real['Range']
      ? EmulatedRange
      : R extends Real['Sheet']
        ? EmulatedSheet
        : R extends Real['Spreadsheet']
          ? EmulatedSpreadsheet
          : R extends Real['DataValidationBuilder']
            ? EmulatedDataValidationBuilder
            : R extends Real['DataValidation']
              ? EmulatedDataValidation
              : R extends Real['Protection']
                ? EmulatedProtection
                : R extends Real['Ui']
                  ? EmulatedUi
                  : R extends Real['Menu']
                    ? EmulatedMenu
                    : R extends Real['PromptResponse']
                      ? EmulatedPromptResponse
                      : R extends Real['User']
                        ? EmulatedUser
                        : R extends Real['Blob']
                          ? EmulatedBlob
                          : R extends Real['HtmlOutput']
                            ? EmulatedHtmlOutput
                            : R extends Real['HtmlTemplate']
                              ? EmulatedHtmlTemplate
                              : R extends Real['HTTPResponse']
                                ? EmulatedHttpResponse
                                : R extends Real['Properties']
                                  ? EmulatedProperties
                                  : R extends Real['Cache']
                                    ? EmulatedCache
                                    : R extends Real['Lock']
                                      ? EmulatedLock
                                      : R extends GoogleAppsScript.Base.Date
                                        ? Date
                                        : R extends readonly (infer E)[]
                                          ? Emulated<E>[]
                                          : R;

/**
 * The methods `K` of a real API interface, with emulator types for arguments and results. A class that
 * `implements ApiSubset<Real, 'getValues' | ...>` fails to compile on a misspelled method
 * or a wrong return type. Only the last overload of a method is seen here: overloaded
 * methods are declared by hand in the classes.
 */
export type ApiSubset<T, K extends keyof T> = {
  [P in K]: T[P] extends (...args: infer A) => infer R ? (...args: { [I in keyof A]: Emulated<A[I]> }) => Emulated<R> : T[P];
};
