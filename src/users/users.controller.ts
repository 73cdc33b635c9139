import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Put } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/roles.decorator.js';
import { DomainError } from '../common/domain-error.js';
import { ApiErrors } from '../common/openapi.js';
import { actorOf, CurrentStaff, type StaffUser } from '../auth/staff-user.js';
import { CreateUserDto, UserDto } from './dto/create-user.dto.js';
import { ResetPasswordDto, UpdateUserDto } from './dto/update-user.dto.js';
import type { User } from './user.entity.js';
import { UsersService } from './users.service.js';

const toDto = (u: User): UserDto => ({ id: u.id, email: u.email, role: u.role, disabled: u.disabledAt !== null, createdAt: u.createdAt.toISOString() });

@ApiTags('staff')
@Roles('admin')
@Controller('api/users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Add a member of staff (admin)', description: 'An email, a password and a role; the user can sign in at once.' })
  @ApiCreatedResponse({ type: UserDto })
  @ApiErrors({ 400: 'A field is missing or wrong; the message names it', 409: 'A user with this email already exists' })
  async create(@Body() body: CreateUserDto, @CurrentStaff() staff: StaffUser): Promise<UserDto> {
    return toDto(await this.users.create(body.email, body.password, body.role, actorOf(staff)));
  }

  @Get()
  @ApiOperation({ summary: 'List staff (admin)', description: 'Every user, disabled ones too, by email.' })
  @ApiOkResponse({ type: [UserDto] })
  async list(): Promise<UserDto[]> {
    return (await this.users.list()).map(toDto);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change a user’s role, or disable or enable them (admin)', description: 'Either change ends every session and token the user holds at once.' })
  @ApiOkResponse({ type: UserDto })
  @ApiErrors({ 400: 'The id or a field is wrong; the message names it', 404: 'No user with this id', 409: 'The last enabled admin cannot be demoted or disabled' })
  async update(
    @Param('id', new ParseUUIDPipe({ exceptionFactory: () => new DomainError('USER.BAD_ID', 'id must be a user id (a UUID)') })) id: string,
    @Body() body: UpdateUserDto,
    @CurrentStaff() staff: StaffUser,
  ): Promise<UserDto> {
    return toDto(await this.users.update(id, body, actorOf(staff)));
  }

  @Put(':id/password')
  @HttpCode(204)
  @ApiOperation({ summary: 'Reset a user’s password (admin)', description: 'Sets the new password and ends every session and token the user holds at once.' })
  @ApiNoContentResponse({ description: 'Password changed; the user is signed out everywhere' })
  @ApiErrors({ 400: 'The id or the password is wrong; the message names it', 404: 'No user with this id' })
  async resetPassword(
    @Param('id', new ParseUUIDPipe({ exceptionFactory: () => new DomainError('USER.BAD_ID', 'id must be a user id (a UUID)') })) id: string,
    @Body() body: ResetPasswordDto,
    @CurrentStaff() staff: StaffUser,
  ): Promise<void> {
    await this.users.resetPassword(id, body.password, actorOf(staff));
  }
}
