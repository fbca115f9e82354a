/**
 * What a batch passes around: the task for one file and its outcome, plain data
 * that crosses a worker_threads boundary. Light on purpose (no engine, no
 * ExcelJS): the main thread of a batch loads only this, the workers load the
 * engine (./checkFile.ts).
 */
import type { CheckJson } from "../core/check";

/** An error's message (or the thrown value as text), for the reasons and messages the command line writes. */
export function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

export interface FileTask {
  file: string;
  /** Keep info findings (false: --no-info). */
  info: boolean;
  /** Produce the JSON object (--json or --summary). */
  json: boolean;
  /** Produce the human-readable text. */
  text: boolean;
  color: boolean;
}

export interface FileOutcome {
  file: string;
  /** "ok": checked; "unreadable": not a readable workbook; "crash": the check itself failed. */
  status: "ok" | "unreadable" | "crash";
  /** Why the file could not be checked (status ≠ "ok"), in Chinese, naming the file. */
  reason?: string;
  /** The --json object (also for an unreadable file: one common.unreadable finding). */
  json?: CheckJson;
  text?: string;
  /** Department (unit) named in the tables' headers, the majority spelling. */
  department?: string;
  /** Recognised tables, e.g. "公开01表 收入支出决算总表". */
  tables: string[];
  /** The check found at least one error. */
  errors: boolean;
}

export function unreadableJson(file: string, message: string): CheckJson {
  return {
    file,
    tables: [],
    causes: [{ id: 1, severity: "error", cells: [], title: message, findings: [0] }],
    findings: [{ rule: "common.unreadable", severity: "error", message, cells: [], cause: 1 }],
    summary: { error: 1, warning: 0, info: 0 },
    causeSummary: { error: 1, warning: 0, info: 0 },
  };
}

export function failedOutcome(task: FileTask, status: "unreadable" | "crash", reason: string): FileOutcome {
  return { file: task.file, status, reason, json: task.json ? unreadableJson(task.file, reason) : undefined, tables: [], errors: false };
}
