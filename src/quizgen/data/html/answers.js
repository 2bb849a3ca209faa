// How the self-test grades a typed answer: the same normalisation as quizgen's Python grader
// (questions/answers.py), so both accept the same answers. Case, accents, a leading "the",
// punctuation, hyphens, spaces and digit grouping ("1,000" = "1000") do not count; letters, digits
// and a decimal point do.
var quizgenAnswers = (function () {
  "use strict";

  function answerKey(text) {
    var folded = String(text).normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase()
      .replace(/ß/g, "ss").replace(/ς/g, "σ").trim();
    folded = folded.replace(/^the\s+/, "").replace(/&/g, " and ");
    folded = folded.replace(/(?<=\d)[,\u00a0\u202f ](?=\d{3}(?!\d))/g, "");
    folded = folded.replace(/(?<=\d)[.,](?=\d)/g, ".");
    folded = folded.replace(/[^\p{L}\p{N}.]/gu, "");
    return folded.replace(/(?<!\d)\.|\.(?!\d)/g, "").replace(/isation/g, "ization");
  }

  function isAccepted(typed, accepted) {
    var key = answerKey(typed);
    return key !== "" && accepted.some(function (text) { return answerKey(text) === key; });
  }

  return { answerKey: answerKey, isAccepted: isAccepted };
})();

if (typeof module !== "undefined" && module.exports) {
  module.exports = quizgenAnswers;
}
