import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional } from 'class-validator';
import { ROLES, type Role } from '../user.entity.js';

export class UpdateUserDto {
  @ApiPropertyOptional({ enum: ROLES, description: 'a new role; ends the user’s sessions' })
  @IsOptional() @IsIn(ROLES, { message: `role must be one of: ${ROLES.join(', ')}` })
  role?: Role;

  @ApiPropertyOptional({ description: 'true disables the account and ends its sessions at once; false enables it again' })
  @IsOptional() @IsBoolean({ message: 'disabled must be true or false' })
  disabled?: boolean;
}
