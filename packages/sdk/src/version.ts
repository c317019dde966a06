/** The version of this SDK. */
export const SDK_VERSION = "0.1.0";
