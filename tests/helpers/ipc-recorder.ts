import type { IpcHandlerHost } from '../../src/main/electron/ipc-registration';
import type { WireResult } from '../../src/shared/contract/wire';

/** The event a handler receives here: only who sent it. */
export interface FakeEvent<S> {
  sender: S;
}
type Listener<S> = (event: FakeEvent<S>, ...args: unknown[]) => Promise<WireResult>;

/**
 * Stands in for ipcMain and the IPC pipe (Electron cannot start in unit tests): handlers
 * are kept per channel, a second registration throws as Electron's does, and arguments
 * and answers are structured-cloned like real IPC messages.
 */
export class IpcRecorder<S> implements IpcHandlerHost<FakeEvent<S>> {
  readonly handlers = new Map<string, Listener<S>>();
  handle(channel: string, listener: Listener<S>): void {
    if (this.handlers.has(channel))
      throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, listener);
  }
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }
  async invoke(sender: S, channel: string, ...args: unknown[]): Promise<unknown> {
    const listener = this.handlers.get(channel);
    if (!listener) throw new Error(`No handler registered for '${channel}'`);
    return structuredClone(await listener({ sender }, ...structuredClone(args)));
  }
}
