import { onInstall, onOpen } from './menu';

declare const global: Record<string, unknown>;

global.onOpen = onOpen;
global.onInstall = onInstall;
