import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsIn, IsString, MaxLength, MinLength } from 'class-validator';
import { ROLES, type Role } from '../user.entity.js';

export class CreateUserDto {
  @ApiProperty()
  @IsString() @MaxLength(254) @IsEmail({}, { message: '$property must be an email address' })
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
  @ApiProperty() createdAt: string;
}
