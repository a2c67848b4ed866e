// The RabbitMQ side of a simulation (placeholder: filled in next).
import type { Ctx } from '../core/context';
import type { RabbitView } from '../core/snapshot';
import type { Intervention, Scenario } from '../schema';

type RabbitSpec = NonNullable<Scenario['rabbitmq']>;

export class RabbitModel {
  constructor(
    public w: Ctx,
    readonly spec: RabbitSpec,
  ) {}
  run(_kind: number, _a: number, _b: number): void {}
  apply(_iv: Intervention): void {}
  clone(w: Ctx): RabbitModel {
    return new RabbitModel(w, this.spec);
  }
  view(): RabbitView {
    return { exchanges: [], bindings: [], queues: [], consumers: [], returned: 0 };
  }
}
