import pino from "pino";

export type Logger = pino.Logger;

/** Structured JSON logs. API keys are never logged: the authorization header is redacted. */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: "tradegraph-api" },
      redact: { paths: ["req.headers.authorization", "headers.authorization", "authorization"], censor: "[redacted]" },
    },
    destination,
  );
}
