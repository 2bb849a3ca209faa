// Parses each GIFT file named on the command line with gift-pegjs and prints one JSON object:
// file name -> {"questions": [...]} or {"error": message, "line": n, "column": n}.
const fs = require("fs");
const { parse } = require("gift-pegjs");

const results = {};
for (const path of process.argv.slice(2)) {
  try {
    results[path] = { questions: parse(fs.readFileSync(path, "utf8")) };
  } catch (error) {
    const start = error.location ? error.location.start : { line: 0, column: 0 };
    results[path] = { error: error.message, line: start.line, column: start.column };
  }
}
process.stdout.write(JSON.stringify(results));
