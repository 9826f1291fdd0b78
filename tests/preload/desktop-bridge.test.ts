import { describe, expect, it } from 'vitest';
import { createDesktopBridge, type DesktopIpc } from '../../src/preload/desktop-bridge';
import { DESKTOP_CHANNELS, type DesktopCommand } from '../../src/shared/desktop-bridge';

function fakeIpc() {
  const listeners = new Map<string, Set<(e: unknown, c: DesktopCommand) => void>>();
  const invoked: unknown[][] = [];
  const ipc: DesktopIpc = {
    on: (ch, l) => listeners.set(ch, (listeners.get(ch) ?? new Set()).add(l)),
    removeListener: (ch, l) => listeners.get(ch)?.delete(l),
    invoke: async (...args) => (invoked.push(args), '/home/me/page.pdf'),
  };
  const emit = (c: DesktopCommand) =>
    listeners.get(DESKTOP_CHANNELS.command)?.forEach((l) => l({ sender: 'ipc' }, c));
  return { ipc, emit, invoked, listeners };
}

describe('createDesktopBridge', () => {
  it('passes commands (never the IPC event) until unsubscribed', () => {
    const { ipc, emit, listeners } = fakeIpc();
    const got: unknown[][] = [];
    const stop = createDesktopBridge(ipc).onCommand((...args) => got.push(args));
    emit({ kind: 'command', id: 'print' });
    stop();
    emit({ kind: 'command', id: 'find' });
    expect(got).toEqual([[{ kind: 'command', id: 'print' }]]);
    expect(listeners.get(DESKTOP_CHANNELS.command)?.size).toBe(0);
  });

  it('asks main to save a PDF on its one fixed channel', async () => {
    const { ipc, invoked } = fakeIpc();
    expect(await createDesktopBridge(ipc).savePdf('Circuit Breaker.pdf')).toBe('/home/me/page.pdf');
    expect(invoked).toEqual([[DESKTOP_CHANNELS.savePdf, 'Circuit Breaker.pdf']]);
  });
});
