/** One process of the judge pool (./judge-pool.ts): judges the frames it is sent, one at a time. */
import { createIndependentJudges } from './independent-judges.js';
import type { JudgeReply, JudgeRequest } from './judge-pool.js';

const loading = createIndependentJudges();

process.on('message', ({ frame, options, only }: JudgeRequest) => {
  void (async () => {
    let reply: JudgeReply;
    try {
      const judges = await loading;
      const looking = only ? judges.judges.filter((j) => only.includes(j.key)) : judges.judges;
      if (looking.length !== (only?.length ?? looking.length))
        throw new Error(`no judge among ${only?.join(', ')}`);
      const findings = [];
      for (const judge of looking) findings.push(...(await judge.find(frame, options)));
      reply = { findings };
    } catch (error) {
      reply = { error: error instanceof Error ? error.message : String(error) };
    }
    process.send!(reply);
  })();
});
process.on('disconnect', () => process.exit(0));
