/**
 * Google's CLD2 through the `cld` package's native binding, called synchronously.
 * The package's public `detect` is promise-only (it queues every call on libuv's thread pool);
 * the binding it wraps also exports the synchronous call used here, with the same arguments.
 */
import { createRequire } from "node:module";

export interface Cld2Language {
  code: string;
  percent: number;
}

/** A run of the text in one language: `bytes` UTF-8 bytes from byte `offset`. */
export interface Cld2Chunk {
  code: string;
  offset: number;
  bytes: number;
}

export interface Cld2Result {
  reliable: boolean;
  languages: Cld2Language[];
  /** Absent when CLD2 found nothing to say. */
  chunks?: Cld2Chunk[];
}

type Binding = {
  detect(
    text: string,
    isPlainText: boolean,
    languageHint: string,
    encodingHint: string,
    tldHint: string,
    httpHint: string,
    bestEffort: boolean,
  ): Cld2Result;
};

let binding: Binding | undefined;

function load(): Binding {
  binding ??= createRequire(import.meta.url)("cld/build/Release/cld.node") as Binding;
  return binding;
}

/** CLD2's verdict on plain text: up to three languages by share of the text, and whether it is sure. */
export function cld2Detect(text: string): Cld2Result {
  return load().detect(text, true, "", "", "", "", false);
}
