import { generateDemoDataset } from '../../main/core/demo/generator';
import { ringInputFromDataset } from '../../main/core/analytics/input';
import { runRingPipeline } from '../../main/core/analytics/pipeline';
const input = ringInputFromDataset(generateDemoDataset({ seed: 20261125, accounts: 1_000_000 }));
for (let i = 0; i < 4; i++) {
  const t = performance.now();
  const r = runRingPipeline(input);
  console.log(((performance.now() - t) / 1000).toFixed(3), JSON.stringify(Object.fromEntries(Object.entries(r.timingsMs).map(([k, v]) => [k, Math.round(v)]))));
}
