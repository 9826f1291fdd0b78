import { originOf } from './navigation-guard';

/**
 * Whether a web permission is granted. Everything is refused (camera, microphone,
 * geolocation, notifications, USB, HID, serial, fullscreen, pointer lock…) except
 * writing sanitised text to the clipboard from the app's own page, which the
 * "copy code" buttons need and which cannot read anything back.
 */
export function isPermissionAllowed(permission: string, requestingUrl: string, appOrigin: string): boolean {
  return (
    permission === 'clipboard-sanitized-write' &&
    originOf(requestingUrl) !== null &&
    originOf(requestingUrl) === originOf(appOrigin)
  );
}

/** The part of a `Session` the policy sets. */
export interface PermissionSession {
  setPermissionRequestHandler(
    handler: (
      webContents: unknown,
      permission: string,
      callback: (granted: boolean) => void,
      details: { requestingUrl?: string },
    ) => void,
  ): void;
  setPermissionCheckHandler(
    handler: (webContents: unknown, permission: string, requestingOrigin: string) => boolean,
  ): void;
  setDevicePermissionHandler(handler: () => boolean): void;
}

/** Installs the permission policy on a session: requests, checks and device access. */
export function applyPermissionPolicy(session: PermissionSession, appOrigin: string): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) =>
    callback(isPermissionAllowed(permission, details.requestingUrl ?? '', appOrigin)),
  );
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    isPermissionAllowed(permission, requestingOrigin, appOrigin),
  );
  session.setDevicePermissionHandler(() => false);
}
