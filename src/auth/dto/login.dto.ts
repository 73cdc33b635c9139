import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';

export class LoginDto {
  @ApiProperty()
  @IsString() @MinLength(3) @MaxLength(254)
  email: string;

  @ApiProperty()
  @IsString() @MinLength(1) @MaxLength(200)
  password: string;
}

export class AccessTokenDto {
  @ApiProperty()
  accessToken: string;

  @ApiProperty({ description: 'seconds' })
  expiresIn: number;
}

export class SessionDto {
  @ApiProperty() id: string;
  @ApiProperty() email: string;
  @ApiProperty({ enum: ['officer', 'auditor', 'admin'] }) role: 'officer' | 'auditor' | 'admin';
  @ApiProperty({ required: false, description: 'only for a cookie session: send it as x-csrf-token on requests that change something' })
  csrfToken?: string;
}
