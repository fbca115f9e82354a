/**
 * The generated 情况说明 as a Word document (docx package; works in Node and in
 * the browser): a title, a heading per section, one paragraph per paragraph,
 * placeholders highlighted in yellow so a clerk sees what is left to fill in.
 * The writer (./document.ts, with docx) is loaded on first use: the task pane
 * and the standalone page render without it.
 */
import type { GeneratedNarrative } from "../../core/narrative/generate";

export async function narrativeDocx(n: GeneratedNarrative): Promise<Uint8Array> {
  const { documentBytes } = await import(/* webpackChunkName: "narrative-docx", webpackPrefetch: true */ "./document");
  return documentBytes(n);
}
