import { viewSchema, type View } from '../shared/api';

const VIEW_KEY = 'upflow.sidebarView';

/** Opens the sidebar on a view; the view waits in the user's cache until the sidebar asks. */
export function showSidebar(view: View = 'import'): void {
  CacheService.getUserCache().put(VIEW_KEY, view, 60);
  const html = HtmlService.createHtmlOutputFromFile('Sidebar').setTitle('Upflow import');
  SpreadsheetApp.getUi().showSidebar(html);
}

export function takeInitialView(): View {
  const cache = CacheService.getUserCache();
  const parsed = viewSchema.safeParse(cache.get(VIEW_KEY));
  cache.remove(VIEW_KEY);
  return parsed.success ? parsed.data : 'import';
}
