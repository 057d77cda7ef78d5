export { databaseRoutingPlugin } from "./plugin";
export { DatabaseRouter, openDatabaseRouter, type ReplicaSettings } from "./router";
export { LAG_SQL, type Replica } from "./replica";
