import { describe, expect, it } from 'vitest';
import { APP_ORIGIN } from '../../../src/main/electron/app-protocol';
import {
  applyPermissionPolicy,
  isPermissionAllowed,
  type PermissionSession,
} from '../../../src/main/electron/permissions';

const PERMISSIONS = [
  'media',
  'geolocation',
  'notifications',
  'midiSysex',
  'pointerLock',
  'fullscreen',
  'openExternal',
  'clipboard-read',
  'display-capture',
  'hid',
  'serial',
  'usb',
  'storage-access',
  'window-management',
  'unknown',
];

describe('isPermissionAllowed', () => {
  it.each(PERMISSIONS)('refuses %s, even to the app itself', (permission) => {
    expect(isPermissionAllowed(permission, 'app://dstudio/index.html', APP_ORIGIN)).toBe(false);
  });

  it('grants only sanitised clipboard writes, and only to the app origin', () => {
    expect(isPermissionAllowed('clipboard-sanitized-write', 'app://dstudio/index.html', APP_ORIGIN)).toBe(
      true,
    );
    expect(isPermissionAllowed('clipboard-sanitized-write', 'app://dstudio', APP_ORIGIN)).toBe(true);
    expect(isPermissionAllowed('clipboard-sanitized-write', 'https://example.com/', APP_ORIGIN)).toBe(false);
    expect(isPermissionAllowed('clipboard-sanitized-write', 'smb://x/', 'smb://x')).toBe(false);
    expect(isPermissionAllowed('clipboard-sanitized-write', '', APP_ORIGIN)).toBe(false);
  });
});

describe('applyPermissionPolicy', () => {
  it('installs request, check and device handlers that follow the rule', () => {
    const installed: Partial<Record<keyof PermissionSession, (...args: never[]) => unknown>> = {};
    const session: PermissionSession = {
      setPermissionRequestHandler: (h) => void (installed.setPermissionRequestHandler = h),
      setPermissionCheckHandler: (h) => void (installed.setPermissionCheckHandler = h),
      setDevicePermissionHandler: (h) => void (installed.setDevicePermissionHandler = h),
    };
    applyPermissionPolicy(session, APP_ORIGIN);
    const answers: boolean[] = [];
    const request = installed.setPermissionRequestHandler as Parameters<
      PermissionSession['setPermissionRequestHandler']
    >[0];
    request(null, 'media', (granted) => answers.push(granted), { requestingUrl: 'app://dstudio/index.html' });
    request(null, 'clipboard-sanitized-write', (granted) => answers.push(granted), {
      requestingUrl: 'app://dstudio/index.html',
    });
    request(null, 'clipboard-sanitized-write', (granted) => answers.push(granted), {});
    expect(answers).toEqual([false, true, false]);
    const check = installed.setPermissionCheckHandler as Parameters<
      PermissionSession['setPermissionCheckHandler']
    >[0];
    expect(check(null, 'geolocation', 'app://dstudio')).toBe(false);
    expect(check(null, 'clipboard-sanitized-write', 'app://dstudio')).toBe(true);
    expect((installed.setDevicePermissionHandler as () => boolean)()).toBe(false);
  });
});
