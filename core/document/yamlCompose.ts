import type { Document } from 'yaml';
import { yamlBeyondLimits, type BeyondLimits } from './yamlLimits';
import { yamlPackage } from './yamlPackage';

/**
 * Parses one YAML document as the package's `parseDocument` does with
 * `uniqueKeys`, but in linear time and bounded depth: the package's own key
 * check compares each key with every earlier one of its mapping (minutes for
 * tens of thousands of keys), so keys are checked here with a set, and a
 * document beyond YAML_LIMITS (deep nesting, many aliases) is not composed at
 * all, since the composer recurses once per level. Returns why instead.
 */
export function composeYaml(text: string): { doc: Document.Parsed } | { beyond: BeyondLimits } {
  const { Composer, Parser, YAMLParseError } = yamlPackage();
  const tokens = [...new Parser().parse(text)];
  const beyond = yamlBeyondLimits(tokens);
  if (beyond) return { beyond };
  let doc: Document.Parsed | undefined;
  for (const composed of new Composer({ uniqueKeys: false, strict: true, logLevel: 'error' }).compose(tokens, true, text.length)) {
    if (!doc) doc = composed;
    else {
      doc.errors.push(new YAMLParseError([composed.range[0], composed.range[1]], 'MULTIPLE_DOCS', 'Source contains multiple documents; please use YAML.parseAllDocuments()'));
      break;
    }
  }
  addDuplicateKeyErrors(doc!);
  return { doc: doc! };
}

/** Reports keys repeated in a mapping as the package does (at the repeated key), in order of position. */
function addDuplicateKeyErrors(doc: Document.Parsed): void {
  const { isMap, isScalar, visit, YAMLParseError } = yamlPackage();
  let found = false;
  visit(doc, {
    Map(_, map) {
      if (!isMap(map)) return;
      // The package's test: the same scalar value (===), so NaN never repeats and 1 is not '1'.
      const seen = new Set<unknown>();
      for (const pair of map.items) {
        const key = pair.key;
        if (!isScalar(key) || Number.isNaN(key.value)) continue;
        if (!seen.has(key.value)) seen.add(key.value);
        else if (key.range) {
          doc.errors.push(new YAMLParseError([key.range[0], key.range[0] + 1], 'DUPLICATE_KEY', 'Map keys must be unique'));
          found = true;
        }
      }
    },
  });
  if (found) doc.errors.sort((a, b) => a.pos[0] - b.pos[0]);
}
