import { ApiProperty } from '@nestjs/swagger';
import { IsObject } from 'class-validator';
import { SlaLimit, SlaMilestone, UpdateSlaPolicyRequest } from '@linli/contracts';

export class UpdateSlaPolicyDto implements UpdateSlaPolicyRequest {
  @ApiProperty({
    description:
      '各节点的时限：{ kind: "wall", minutes } 或 { kind: "workingDays", days }；null 表示取消该节点。未列出的节点保持默认',
    example: { respond: { kind: 'wall', minutes: 20 } },
  })
  @IsObject({ message: '请填写各节点的时限' })
  milestones!: Partial<Record<SlaMilestone, SlaLimit | null>>;
}
