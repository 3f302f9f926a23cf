import { describe, expect, it } from 'vitest';
import { ConfigError, ENV, loadConfig } from '#shared/config.ts';

const REQUIRED = { [ENV.tableName]: 'results', [ENV.bucketName]: 'articles' };

describe('loadConfig', () => {
  it('leaves the summary length to the summariser when no length is set', () => {
    expect(loadConfig(REQUIRED)).toMatchObject({ summarySentences: undefined, summaryWords: undefined });
  });

  it('reads both summary limits when set', () => {
    const config = loadConfig({ ...REQUIRED, [ENV.summarySentences]: '4', [ENV.summaryWords]: '120' });

    expect(config).toMatchObject({ summarySentences: 4, summaryWords: 120 });
  });

  it.each([
    [ENV.summarySentences, '0'],
    [ENV.summarySentences, '21'],
    [ENV.summarySentences, '3.5'],
    [ENV.summaryWords, '9'],
    [ENV.summaryWords, '501'],
    [ENV.summaryWords, 'many'],
  ])('fails fast naming %s when it is %j, outside the range the API accepts', (name, value) => {
    expect(() => loadConfig({ ...REQUIRED, [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ ...REQUIRED, [name]: value })).toThrow(name);
  });
});
