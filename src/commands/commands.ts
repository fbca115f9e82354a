/**
 * Function file of the ribbon. The 校验 button opens the task pane (a
 * ShowTaskpane action in the manifest); no function commands are needed, but
 * Office requires the file to load Office.js and call onReady.
 */
Office.onReady(() => {
  // Nothing to register.
});
