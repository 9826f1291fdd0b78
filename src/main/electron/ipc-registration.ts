import type { IpcMainInvokeEvent } from 'electron';
import { API_METHODS, channelOf, type DStudioApi, type Domain } from '../../shared/contract';
import type { WireResult } from '../../shared/contract/wire';
import { dispatch } from '../api-dispatch';
import { originOf } from './navigation-guard';

/** What main knows about who sent an IPC message, reduced to plain data so the rule can be tested. */
export interface SenderInfo {
  webContentsId: number;
  /** URL of the sending frame; null when the frame has navigated away or is gone. */
  frameUrl: string | null;
  isMainFrame: boolean;
}

export interface TrustedSenders {
  appOrigin: string;
  /** Ids of the webContents of our own windows. */
  windowIds: ReadonlySet<number>;
}

/** Reads the sender of an invoke event. */
export function senderInfo(event: IpcMainInvokeEvent): SenderInfo {
  const frame = event.senderFrame;
  return {
    webContentsId: event.sender.id,
    frameUrl: frame?.url ?? null,
    isMainFrame: frame !== null && frame.parent === null,
  };
}

/**
 * Only the top frame of one of our own windows, showing a page of the app's own
 * origin, may call the API (Electron security checklist: validate the sender of all
 * IPC messages). A frame that is gone, a subframe, or a page that somehow navigated
 * elsewhere is refused.
 */
export function isTrustedSender(sender: SenderInfo, trusted: TrustedSenders): boolean {
  if (!trusted.windowIds.has(sender.webContentsId) || !sender.isMainFrame || sender.frameUrl === null)
    return false;
  const origin = originOf(sender.frameUrl);
  return origin !== null && origin === originOf(trusted.appOrigin);
}

/** The part of `ipcMain` used here (so the registration runs against a recorder in tests). */
export interface IpcHandlerHost<E> {
  handle(channel: string, listener: (event: E, ...args: unknown[]) => Promise<WireResult>): void;
  removeHandler(channel: string): void;
}

const FORBIDDEN: WireResult = {
  ok: false,
  error: { code: 'forbidden', message: 'This call did not come from the DStudio window and was refused.' },
};

/**
 * Registers one `ipcMain.handle` per contract method, on the channel derived from the
 * contract. Each handler checks the sender, then validates and runs the call through
 * `dispatch`, which never throws: bad arguments come back as a `bad-arguments`
 * result, never as a crash of main. Returns a function that removes the handlers.
 */
export function registerApiHandlers<E>(
  ipc: IpcHandlerHost<E>,
  api: DStudioApi,
  isTrusted: (event: E) => boolean,
): () => void {
  const channels: string[] = [];
  for (const domain of Object.keys(API_METHODS) as Domain[]) {
    for (const method of API_METHODS[domain]) {
      const channel = channelOf(domain, method);
      ipc.handle(channel, async (event, ...args) =>
        isTrusted(event) ? dispatch(api, domain, method, args) : FORBIDDEN,
      );
      channels.push(channel);
    }
  }
  return () => {
    for (const channel of channels) ipc.removeHandler(channel);
  };
}
