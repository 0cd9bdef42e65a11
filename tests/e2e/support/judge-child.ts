/** One process of the judge pool (./judge-pool.ts): judges the frames it is sent, one at a time. */
import { createIndependentJudges } from '../../bench/face/independent-judges';
import { decodeRgba, judgeOne } from './independent-judge';
import type { JudgeJob, JudgeReply } from './judge-pool';

const judges = createIndependentJudges();

process.on('message', (job: JudgeJob) => {
  void (async () => {
    let reply: JudgeReply;
    try {
      reply = { verdict: await judgeOne(await judges, decodeRgba(job), job.file, job.tiled) };
    } catch (error) {
      reply = { error: error instanceof Error ? error.message : String(error) };
    }
    process.send!(reply);
  })();
});
process.on('disconnect', () => process.exit(0));
