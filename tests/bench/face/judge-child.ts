/** One process of the judge pool (./judge-pool.ts): judges the frames it is sent, one at a time. */
import { createIndependentJudges } from './independent-judges.js';
import type { JudgeReply, JudgeRequest } from './judge-pool.js';

const loading = createIndependentJudges();

process.on('message', ({ frame, options, only }: JudgeRequest) => {
  void (async () => {
    let reply: JudgeReply;
    try {
      const judges = await loading;
      const judge = only ? judges.judges.find((j) => j.key === only) : judges;
      if (!judge) throw new Error(`no judge ${only}`);
      reply = { findings: await judge.find(frame, options) };
    } catch (error) {
      reply = { error: error instanceof Error ? error.message : String(error) };
    }
    process.send!(reply);
  })();
});
process.on('disconnect', () => process.exit(0));
