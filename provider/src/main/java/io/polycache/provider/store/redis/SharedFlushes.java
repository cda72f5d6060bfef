package io.polycache.provider.store.redis;

import io.lettuce.core.resource.NettyCustomizer;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.channel.EventLoop;
import io.netty.util.concurrent.SingleThreadEventExecutor;

/**
 * Lets commands that reach a connection together leave in one write.
 *
 * <p>Lettuce flushes every command on its own, and each flush is a system call that also wakes
 * the server. Commands from threads other than the connection's event loop reach the loop as
 * tasks in its queue. When a command is flushed while the loop still holds such tasks (another
 * caller's command, or the rest of a burst of asynchronous calls), the flush waits until the
 * loop has run them, and they all go out in one write. A command flushed with nothing else
 * queued goes out at once, so a lone caller waits no longer than without this handler. A held
 * flush happens before the channel is closed, so what was written before a close still leaves.
 */
final class SharedFlushes implements NettyCustomizer {

  @Override
  public void afterChannelInitialized(Channel channel) {
    channel.pipeline().addFirst(new Handler());
  }

  /** Sits nearest the socket, so it sees every flush of the channel. Event loop only. */
  private static final class Handler extends ChannelOutboundHandlerAdapter {

    private boolean flushQueued;

    @Override
    public void flush(ChannelHandlerContext ctx) {
      if (flushQueued) {
        return;
      }
      EventLoop loop = ctx.channel().eventLoop();
      if (loop instanceof SingleThreadEventExecutor executor && executor.pendingTasks() > 0) {
        flushQueued = true;
        loop.execute(() -> flushHeld(ctx));
      } else {
        ctx.flush();
      }
    }

    @Override
    public void disconnect(ChannelHandlerContext ctx, ChannelPromise promise) {
      flushHeld(ctx);
      ctx.disconnect(promise);
    }

    @Override
    public void close(ChannelHandlerContext ctx, ChannelPromise promise) {
      flushHeld(ctx);
      ctx.close(promise);
    }

    private void flushHeld(ChannelHandlerContext ctx) {
      if (flushQueued) {
        flushQueued = false;
        ctx.flush();
      }
    }
  }
}
