import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { ROLES, type Role } from '../user.entity.js';

export class UpdateUserDto {
  @ApiPropertyOptional({ enum: ROLES, description: 'a new role; ends the user’s sessions' })
  @IsOptional() @IsIn(ROLES, { message: `role must be one of: ${ROLES.join(', ')}` })
  role?: Role;

  @ApiPropertyOptional({ description: 'true disables the account and ends its sessions at once; false enables it again' })
  @IsOptional() @IsBoolean({ message: 'disabled must be true or false' })
  disabled?: boolean;
}

export class ResetPasswordDto {
  @ApiProperty({ minLength: 12, description: 'the new password; every session the user holds ends' })
  @IsString({ message: 'password must be text' }) @MinLength(12, { message: 'password must be 12 characters or more' }) @MaxLength(200, { message: 'password must be 200 characters or fewer' })
  password: string;
}
