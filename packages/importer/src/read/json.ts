import type { Readable } from "node:stream";
import { StringDecoder } from "node:string_decoder";
import { FatalImportError } from "../errors";
import type { ImportIssue } from "../types";
import { stripBom } from "./input";
import type { ReadRecord } from "./records";

/** A JSON array is parsed whole; bigger inputs must be JSON Lines, which stream. */
export const MAX_JSON_ARRAY_BYTES = 64 * 1024 * 1024;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function invalid(line: number, message: string): ImportIssue {
  return { line, code: "INVALID_JSON", message };
}

function toRecord(line: number, raw: string, value: unknown): ReadRecord {
  if (!isObject(value)) return { line, raw, error: invalid(line, `Expected an object with the native columns, got ${JSON.stringify(value)?.slice(0, 40)}.`) };
  return { line, raw, values: value };
}

/** Lines of a stream, split as the bytes arrive (constant memory whatever the file size). */
async function* lines(stream: Readable): AsyncGenerator<string> {
  const decoder = new StringDecoder("utf8");
  let rest = "";
  for await (const chunk of stream) {
    const parts = (rest + decoder.write(chunk as Buffer)).split("\n");
    rest = parts.pop() ?? "";
    yield* parts;
  }
  rest += decoder.end();
  if (rest) yield rest;
}

/**
 * JSON Lines (one object per line, streamed) or a JSON array of objects (read whole, at most
 * MAX_JSON_ARRAY_BYTES; `line` is then the element's position). `head` is the input's first text, which says which.
 */
export async function* readJson(stream: Readable, head: string): AsyncGenerator<ReadRecord> {
  if (head.trimStart().startsWith("[")) {
    yield* readJsonArray(stream);
    return;
  }
  let line = 0;
  for await (const text of lines(stream)) {
    line += 1;
    const raw = (line === 1 ? stripBom(text) : text).replace(/\r$/, "");
    if (!raw.trim()) continue;
    try {
      yield toRecord(line, raw, JSON.parse(raw));
    } catch (error) {
      yield { line, raw, error: invalid(line, `Not valid JSON: ${(error as Error).message}.`) };
    }
  }
}

async function* readJsonArray(stream: Readable): AsyncGenerator<ReadRecord> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    size += (chunk as Buffer).length;
    if (size > MAX_JSON_ARRAY_BYTES) {
      stream.destroy();
      throw new FatalImportError({
        line: 1,
        code: "INPUT_TOO_LARGE",
        message: `A JSON array is read whole and may have at most ${MAX_JSON_ARRAY_BYTES / 1024 / 1024} MiB; write bigger files as JSON Lines (one object per line).`,
      });
    }
    chunks.push(chunk as Buffer);
  }
  let items: unknown;
  try {
    items = JSON.parse(stripBom(Buffer.concat(chunks).toString("utf8")));
  } catch (error) {
    throw new FatalImportError(invalid(1, `The file starts with "[" but is not a valid JSON array: ${(error as Error).message}.`));
  }
  if (!Array.isArray(items)) throw new FatalImportError(invalid(1, "Expected a JSON array of objects, or JSON Lines."));
  for (const [i, item] of items.entries()) yield toRecord(i + 1, JSON.stringify(item), item);
}
