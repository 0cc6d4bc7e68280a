import type { TFunction } from 'i18next';
import type { SourceInfo } from '../../main/api';

/** A graph source as the top bar names it: the demo in the reader's language, a Neo4j by its address. */
export function sourceName(source: Pick<SourceInfo, 'kind' | 'name'>, t: TFunction): string {
  return source.kind === 'embedded' ? t('source.demoName') : source.name;
}
