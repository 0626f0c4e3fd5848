// Decap CMS's round trip of YAML front matter, with Decap's own YAML library (decap-cms-core,
// src/formats/yaml.ts): parse the fields, then write them back. Rewrites every file given.
const fs = require("fs");
const yaml = require(require.resolve("yaml", { paths: [require.resolve("decap-cms-core")] }));

for (const file of process.argv.slice(2)) {
  const [, header, body] = fs.readFileSync(file, "utf8").match(/^---\n([\s\S]*?)\n---\n?([\s\S]*)$/);
  const document = new yaml.Document();
  document.contents = yaml.createNode(yaml.parseDocument(header).toJSON());
  fs.writeFileSync(file, `---\n${document.toString()}---\n${body}`);
}
