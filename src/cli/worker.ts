/**
 * A batch worker (worker_threads): receives FileTasks one at a time, answers each
 * with its FileOutcome. Modules (ExcelJS, the rules) load once per worker.
 */
// First: the engine's modules go through Node's compile cache (Node 22+).
import "./compileCache";
import { parentPort } from "worker_threads";
import { FileTask, checkFile } from "./checkFile";
import { errorText } from "./outcome";

export interface WorkerRequest {
  id: number;
  task: FileTask;
}

if (parentPort) {
  const port = parentPort;
  port.on("message", (req: WorkerRequest) => {
    checkFile(req.task).then(
      (outcome) => port.postMessage({ id: req.id, outcome }),
      // checkFile never throws; this is a last resort.
      (e) => port.postMessage({ id: req.id, error: errorText(e) }),
    );
  });
}
