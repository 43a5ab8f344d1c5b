import { loadConfig } from '../../server/config.js';
import { UsageError } from '../runner/args.js';
import { ModelJudge } from './judge.js';

/** The judge of --judge: the configured model server, or a clear refusal when none is configured. */
export function chooseJudge(): ModelJudge {
  let config;
  try {
    config = loadConfig();
  } catch (e) {
    throw new UsageError(`Cấu hình môi trường không hợp lệ: ${(e as Error).message}`);
  }
  if (!config.llm) {
    throw new UsageError('--judge cần một mô hình: đặt OPENAI_BASE_URL, SOANTHAO_MODEL (hoặc OPENAI_MODEL) và OPENAI_API_KEY nếu máy chủ cần, rồi chạy lại.');
  }
  return new ModelJudge(config.llm);
}
