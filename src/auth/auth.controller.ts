import { Body, Controller, HttpCode, Post, UnauthorizedException } from '@nestjs/common';
import { ApiOkResponse, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { Environment } from '../config/environment.js';
import { UsersService } from '../users/users.service.js';
import { AccessTokenDto, LoginDto } from './dto/login.dto.js';
import { Public } from './roles.decorator.js';
import { TokenService } from './token.service.js';

@ApiTags('staff')
@Controller('api/auth')
export class AuthController {
  constructor(
    private readonly users: UsersService,
    private readonly tokens: TokenService,
    private readonly env: Environment,
  ) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  @ApiOkResponse({ type: AccessTokenDto })
  @ApiUnauthorizedResponse({ description: 'Wrong email or password' })
  async login(@Body() body: LoginDto): Promise<AccessTokenDto> {
    const user = await this.users.authenticate(body.email, body.password);
    if (!user) throw new UnauthorizedException('Wrong email or password');
    const accessToken = await this.tokens.sign({ id: user.id, email: user.email, role: user.role });
    return { accessToken, expiresIn: this.env.AUTH_TOKEN_TTL_MINUTES * 60 };
  }
}
