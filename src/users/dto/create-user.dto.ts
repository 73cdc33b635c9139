import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, MaxLength, MinLength } from 'class-validator';
import { IsEmailAddress } from '../../common/validators.js';
import { ROLES, type Role } from '../user.entity.js';

export class CreateUserDto {
  @ApiProperty()
  @IsString() @MaxLength(254) @IsEmailAddress()
  email: string;

  @ApiProperty({ minLength: 12 })
  @IsString() @MinLength(12) @MaxLength(200)
  password: string;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES, { message: `$property must be one of: ${ROLES.join(', ')}` })
  role: Role;
}

export class UserDto {
  @ApiProperty() id: string;
  @ApiProperty() email: string;
  @ApiProperty({ enum: ROLES }) role: Role;
  @ApiProperty({ description: 'a disabled user cannot sign in and holds no working session' }) disabled: boolean;
  @ApiProperty() createdAt: string;
}
