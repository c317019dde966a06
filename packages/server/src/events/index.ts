export { ChangeFeedPoller, type ChangeListener } from "./change-feed-poller.js";
export { PostgresChangeListener } from "./postgres-change-listener.js";
