export { ChangeFeedPoller, type ChangeListener } from "./change-feed-poller.js";
