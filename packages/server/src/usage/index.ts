export { UsageRecorder, outcomeOfStatus } from "./usage-recorder.js";
