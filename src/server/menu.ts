export function onOpen(): void {
  SpreadsheetApp.getUi().createAddonMenu().addItem('Open', 'showSidebar').addToUi();
}

export function onInstall(): void {
  onOpen();
}
