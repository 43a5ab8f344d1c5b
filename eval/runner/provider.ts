import { loadConfig, type Config } from '../../server/config.js';
import { providerFromConfig } from '../../server/provider/from-config.js';
import { OfflineProvider } from '../../server/provider/offline.js';
import type { Provider } from '../../server/provider/types.js';
import { UsageError } from './args.js';

/**
 * The model the environment configures, for a command-line option that needs one; `missing` tells
 * staff what to set when none is.
 */
export function configuredModel(missing: string): Config & { llm: NonNullable<Config['llm']> } {
  let config;
  try {
    config = loadConfig();
  } catch (e) {
    throw new UsageError(`Cấu hình môi trường không hợp lệ: ${(e as Error).message}`);
  }
  if (!config.llm) throw new UsageError(missing);
  return config as Config & { llm: NonNullable<Config['llm']> };
}

/** The provider asked for on the command line; openai only when the environment names a model server. */
export function chooseProvider(name: 'offline' | 'openai'): Provider {
  if (name === 'offline') return new OfflineProvider();
  const config = configuredModel(
    'Chưa cấu hình mô hình cho --provider openai: đặt OPENAI_BASE_URL (máy chủ tương thích OpenAI), SOANTHAO_MODEL (hoặc OPENAI_MODEL) và OPENAI_API_KEY nếu máy chủ cần, rồi chạy lại.',
  );
  const provider = providerFromConfig(config);
  if (provider.name === 'offline') throw new UsageError('Bản này chưa có bộ soạn theo mô hình: chỉ chạy được --provider offline.');
  return provider;
}
