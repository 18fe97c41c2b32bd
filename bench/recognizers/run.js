#!/usr/bin/env node
// Runs Microsoft Recognizers-Text's English recognizers over every paragraph
// of a text file and prints their throughput as JSON, to compare with
// claimtrack's reader on the same text (see ../compare-reader.sh).
//
//   node run.js corpus.txt
//
// Only recognition is timed: reading the file and building the recognizers'
// models (done once, on first use) are not, as claimtrack's benchmark times
// neither its file reads nor its word lists.
'use strict';

const fs = require('node:fs');
const Recognizers = require('@microsoft/recognizers-text-suite');

const culture = Recognizers.Culture.English;
// Relative dates ("on Tuesday") resolve against this day; a fixed one keeps
// runs comparable.
const referenceDate = new Date(Date.UTC(2024, 0, 1));

// What the suite exports for the figures and dates claimtrack reads. The
// JavaScript suite has no number-range recognizer ("25,000 to 30,000"); its
// number recognizer finds both ends.
const recognizers = {
  number: (text) => Recognizers.recognizeNumber(text, culture),
  ordinal: (text) => Recognizers.recognizeOrdinal(text, culture),
  percentage: (text) => Recognizers.recognizePercentage(text, culture),
  dimension: (text) => Recognizers.recognizeDimension(text, culture),
  currency: (text) => Recognizers.recognizeCurrency(text, culture),
  datetime: (text) => Recognizers.recognizeDateTime(text, culture, undefined, referenceDate),
};

function main(args) {
  if (args.length !== 1) {
    console.error('usage: node run.js FILE');
    process.exit(2);
  }
  const text = fs.readFileSync(args[0], 'utf8');
  const paragraphs = text.split(/\n\s*\n/).map((p) => p.trim()).filter((p) => p !== '');

  for (const recognize of Object.values(recognizers)) {
    recognize('About 4,000 troops were sent on Tuesday, up 5% at a cost of $2 million over 30 km.');
  }

  const found = Object.fromEntries(Object.keys(recognizers).map((name) => [name, 0]));
  const start = process.hrtime.bigint();
  for (const paragraph of paragraphs) {
    for (const [name, recognize] of Object.entries(recognizers)) {
      found[name] += recognize(paragraph).length;
    }
  }
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;

  const bytes = Buffer.byteLength(text, 'utf8');
  console.log(JSON.stringify({
    bytes,
    paragraphs: paragraphs.length,
    seconds: Number(seconds.toFixed(3)),
    kb_per_s: Number((bytes / 1e3 / seconds).toFixed(2)),
    found,
  }));
}

main(process.argv.slice(2));
