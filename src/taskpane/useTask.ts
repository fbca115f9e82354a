/**
 * Long work in the pane: one task at a time, with a progress message, a cancel
 * button (AbortController) and errors turned into messages. Work on the workbook
 * reads first and writes in one batch at the end, so a cancelled or failed task
 * leaves the workbook as it was.
 */
import { useCallback, useRef, useState } from "react";
import { HostError, Progress } from "../host/host";

export interface Notice {
  intent: "success" | "info" | "warning" | "error";
  title?: string;
  text: string;
}

export interface TaskState {
  running: boolean;
  progress?: Progress;
  notice?: Notice;
}

export type TaskContext = { signal: AbortSignal; onProgress: (p: Progress) => void };

/** Lets the browser paint (progress) before a long synchronous step. */
export const tick = () => new Promise<void>((r) => setTimeout(r, 0));

export function messageOf(e: unknown): Notice {
  if (e instanceof HostError) {
    if (e.code === "cancelled") return { intent: "info", text: "已取消，工作簿未作任何修改。" };
    return { intent: "error", title: "无法完成", text: e.message };
  }
  const msg = e instanceof Error ? e.message : String(e);
  return { intent: "error", title: "出错了", text: `${msg}。工作簿未作任何修改；如果问题重复出现，请把工作簿和这段文字发给技术支持。` };
}

export function useTask() {
  const [state, setState] = useState<TaskState>({ running: false });
  const abort = useRef<AbortController | null>(null);

  const run = useCallback(async <T,>(label: string, work: (t: TaskContext) => Promise<T>): Promise<T | undefined> => {
    abort.current?.abort();
    const ac = new AbortController();
    abort.current = ac;
    setState({ running: true, progress: { stage: "read", message: label } });
    try {
      const out = await work({ signal: ac.signal, onProgress: (p) => setState((s) => ({ ...s, progress: p })) });
      // A notice set during the work (success, warning) stays.
      setState((st) => ({ running: false, notice: st.notice }));
      return out;
    } catch (e) {
      setState({ running: false, notice: messageOf(e) });
      return undefined;
    } finally {
      if (abort.current === ac) abort.current = null;
    }
  }, []);

  const cancel = useCallback(() => abort.current?.abort(), []);
  const notify = useCallback((notice?: Notice) => setState((s) => ({ ...s, notice })), []);
  return { state, run, cancel, notify };
}
