const ExcelJS = require('exceljs');
(async () => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(process.argv[2]);
  const only = process.argv[3];
  wb.eachSheet(ws => {
    if (only && ws.name !== only) return;
    console.log(`=== SHEET "${ws.name}" dims=${ws.dimensions && ws.dimensions.range} rows=${ws.rowCount} cols=${ws.columnCount} state=${ws.state}`);
    const merges = ws.model.merges || [];
    console.log('merges:', merges.join(' '));
    ws.eachRow({ includeEmpty: false }, (row, r) => {
      const parts = [];
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        if (cell.isMerged && cell.master !== cell) return;
        let v = cell.value;
        if (v && typeof v === 'object') v = JSON.stringify(v);
        const fmt = cell.numFmt ? `{${cell.numFmt}}` : '';
        parts.push(`${cell.address}=${JSON.stringify(v)}${fmt}`);
      });
      if (parts.length) console.log(parts.join(' | '));
    });
  });
})();
