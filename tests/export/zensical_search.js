// Run Zensical's search worker in Node against a built site's search.json and
// print the locations a query finds, one per line (tests/export/test_export.py).
// Usage: node zensical_search.js WORKER.js search.json QUERY [--no-segmenter]
"use strict";
const fs = require("fs");
const vm = require("vm");
const [worker, index, query, flag] = process.argv.slice(2);
if (flag === "--no-segmenter") { delete Intl.Segmenter; }   // an old browser without Intl.Segmenter
const replies = [];
const self = { postMessage: (message) => replies.push(message) };
vm.runInNewContext(fs.readFileSync(worker, "utf8"), { self, Intl, Map, Set, Promise, Uint8Array, Uint32Array,
                                                      Object, Array, Math, RegExp, JSON, Date, console });
function reply(type) {
  return new Promise((resolve, reject) => {
    const poll = () => {
      const found = replies.find((m) => m.type === type || m.type === 4);
      if (!found) { setTimeout(poll, 5); return; }
      found.type === 4 ? reject(new Error("search worker failed")) : resolve(found);
    };
    poll();
  });
}
(async () => {
  self.onmessage({ data: { type: 0, data: JSON.parse(fs.readFileSync(index, "utf8")) } });
  await reply(1);
  const items = JSON.parse(fs.readFileSync(index, "utf8")).items;
  let page;                                    // results come ten at a time, as the search dialog shows them
  do {
    replies.length = 0;
    self.onmessage({ data: { type: 2, data: { input: query, page } } });
    const result = await reply(3);
    for (const hit of result.data.items) { console.log(items[hit.id].location); }
    page = result.data.pagination.next;
  } while (page);
})().catch((error) => { console.error(error.message); process.exit(1); });
