export declare const ICNS_TYPES: [string, number][];
export declare function icnsFile(entries: [string, Uint8Array][]): Buffer;
export declare function icoFile(images: [number, Uint8Array][]): Buffer;
