// Runs the answer table through the self-test's grader and prints one line per disagreement.
// Usage: node check_answers.js ANSWERS_JS CASES_JSON
"use strict";
const fs = require("fs");
const grader = require(process.argv[2]);
const table = JSON.parse(fs.readFileSync(process.argv[3], "utf-8"));
let wrong = 0;
for (const c of table.cases) {
  const found = grader.isAccepted(c.typed, [c.answer].concat(c.accept));
  if (found !== c.correct) {
    wrong += 1;
    console.log(`${JSON.stringify(c.typed)} for ${JSON.stringify(c.answer)}: ${found}, expected ${c.correct}`);
  }
}
console.log(`${table.cases.length - wrong} of ${table.cases.length} agree`);
process.exit(wrong ? 1 : 0);
