export { databaseRoutingPlugin } from "./plugin";
export { DatabaseRouter, openDatabaseRouter, type ReplicaSettings, type SharedWriteWindows } from "./router";
export { LAG_SQL, type Replica } from "./replica";
