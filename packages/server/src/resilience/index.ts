export { isStorageUnavailable } from "./storage-faults.js";
export { LastKnownGood, type LastKnownGoodOptions } from "./last-known-good.js";
export { createOutageFallbacks, type OutageFallbacks } from "./outage-fallbacks.js";
