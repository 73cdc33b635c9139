import { Controller, Get, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Public } from '../auth/roles.decorator.js';

/** The footer's pages and the phase banner's feedback page; each one's words are one YAML file per language. */
const PAGES = ['privacy', 'accessibility', 'contact', 'feedback'] as const;

@ApiExcludeController()
@Public()
@Controller()
export class PublicPagesController {
  @Get([...PAGES])
  async page(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const page = request.url.split('?')[0].slice(1);
    await reply.view('public-page.njk', { page });
  }
}
