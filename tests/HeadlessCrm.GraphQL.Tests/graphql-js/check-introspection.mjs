// Feeds the engine's introspection result to graphql-js, the reference implementation, the way GraphiQL and
// code generators do: `query` prints the introspection query to run; `check <file>` rebuilds a client schema from
// the result, validates it and prints its SDL. Any rejection exits non-zero with the reason.
import { readFileSync } from 'node:fs';
import { buildClientSchema, getIntrospectionQuery, printSchema, validateSchema } from 'graphql';

const [mode, file] = process.argv.slice(2);

if (mode === 'query') {
  process.stdout.write(getIntrospectionQuery({
    descriptions: true,
    specifiedByUrl: true,
    directiveIsRepeatable: true,
    schemaDescription: true,
    inputValueDeprecation: true,
    oneOf: true,
  }));
} else if (mode === 'check') {
  const result = JSON.parse(readFileSync(file, 'utf8'));
  if (result.errors) {
    console.error(JSON.stringify(result.errors));
    process.exit(2);
  }
  const schema = buildClientSchema(result.data, { assumeValid: false });
  const errors = validateSchema(schema);
  if (errors.length > 0) {
    console.error(errors.map((e) => e.message).join('\n'));
    process.exit(3);
  }
  process.stdout.write(printSchema(schema));
} else {
  console.error('usage: node check-introspection.mjs query | check <result.json>');
  process.exit(64);
}
